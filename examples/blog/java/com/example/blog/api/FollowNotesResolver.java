package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.FollowNotesResolverBase;

/**
 * The {@code followNotes} query (list FollowNote). Written once by dbtool and yours to edit: override the protected hook of {@link FollowNotesResolverBase} to add rules.
 */
public class FollowNotesResolver extends FollowNotesResolverBase {
    public FollowNotesResolver(Api api) {
        super(api);
    }
}

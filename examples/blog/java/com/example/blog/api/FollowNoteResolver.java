package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.FollowNoteResolverBase;

/**
 * The {@code followNote} query (get FollowNote). Written once by dbtool and yours to edit: override the protected hook of {@link FollowNoteResolverBase} to add rules.
 */
public class FollowNoteResolver extends FollowNoteResolverBase {
    public FollowNoteResolver(Api api) {
        super(api);
    }
}

package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.CreateFollowNoteResolverBase;

/**
 * The {@code createFollowNote} mutation (create FollowNote). Written once by dbtool and yours to edit: override the protected hook of {@link CreateFollowNoteResolverBase} to add rules.
 */
public class CreateFollowNoteResolver extends CreateFollowNoteResolverBase {
    public CreateFollowNoteResolver(Api api) {
        super(api);
    }
}

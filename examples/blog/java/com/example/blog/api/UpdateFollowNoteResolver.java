package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.UpdateFollowNoteResolverBase;

/**
 * The {@code updateFollowNote} mutation (update FollowNote). Written once by dbtool and yours to edit: override the protected hook of {@link UpdateFollowNoteResolverBase} to add rules.
 */
public class UpdateFollowNoteResolver extends UpdateFollowNoteResolverBase {
    public UpdateFollowNoteResolver(Api api) {
        super(api);
    }
}

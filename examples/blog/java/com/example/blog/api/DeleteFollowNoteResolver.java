package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.DeleteFollowNoteResolverBase;

/**
 * The {@code deleteFollowNote} mutation (delete FollowNote). Written once by dbtool and yours to edit: override the protected hook of {@link DeleteFollowNoteResolverBase} to add rules.
 */
public class DeleteFollowNoteResolver extends DeleteFollowNoteResolverBase {
    public DeleteFollowNoteResolver(Api api) {
        super(api);
    }
}

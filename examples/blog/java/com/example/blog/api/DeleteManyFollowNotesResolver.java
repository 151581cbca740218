package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.DeleteManyFollowNotesResolverBase;

/**
 * The {@code deleteManyFollowNotes} mutation (deleteMany FollowNote). Written once by dbtool and yours to edit: override the protected hook of {@link DeleteManyFollowNotesResolverBase} to add rules.
 */
public class DeleteManyFollowNotesResolver extends DeleteManyFollowNotesResolverBase {
    public DeleteManyFollowNotesResolver(Api api) {
        super(api);
    }
}

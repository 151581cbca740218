package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.UpdateManyFollowNotesResolverBase;

/**
 * The {@code updateManyFollowNotes} mutation (updateMany FollowNote). Written once by dbtool and yours to edit: override the protected hook of {@link UpdateManyFollowNotesResolverBase} to add rules.
 */
public class UpdateManyFollowNotesResolver extends UpdateManyFollowNotesResolverBase {
    public UpdateManyFollowNotesResolver(Api api) {
        super(api);
    }
}

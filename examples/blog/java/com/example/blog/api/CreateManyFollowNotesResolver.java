package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.CreateManyFollowNotesResolverBase;

/**
 * The {@code createManyFollowNotes} mutation (createMany FollowNote). Written once by dbtool and yours to edit: override the protected hook of {@link CreateManyFollowNotesResolverBase} to add rules.
 */
public class CreateManyFollowNotesResolver extends CreateManyFollowNotesResolverBase {
    public CreateManyFollowNotesResolver(Api api) {
        super(api);
    }
}

package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.UpsertUserResolverBase;

/**
 * The {@code upsertUser} mutation (upsert User). Written once by dbtool and yours to edit: override the protected hook of {@link UpsertUserResolverBase} to add rules.
 */
public class UpsertUserResolver extends UpsertUserResolverBase {
    public UpsertUserResolver(Api api) {
        super(api);
    }
}

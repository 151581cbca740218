package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.UpdateUserResolverBase;

/**
 * The {@code updateUser} mutation (update User). Written once by dbtool and yours to edit: override the protected hook of {@link UpdateUserResolverBase} to add rules.
 */
public class UpdateUserResolver extends UpdateUserResolverBase {
    public UpdateUserResolver(Api api) {
        super(api);
    }
}

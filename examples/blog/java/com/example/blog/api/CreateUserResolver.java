package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.CreateUserResolverBase;

/**
 * The {@code createUser} mutation (create User). Written once by dbtool and yours to edit: override the protected hook of {@link CreateUserResolverBase} to add rules.
 */
public class CreateUserResolver extends CreateUserResolverBase {
    public CreateUserResolver(Api api) {
        super(api);
    }
}

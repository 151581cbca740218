package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.UserResolverBase;

/**
 * The {@code user} query (get User). Written once by dbtool and yours to edit: override the protected hook of {@link UserResolverBase} to add rules.
 */
public class UserResolver extends UserResolverBase {
    public UserResolver(Api api) {
        super(api);
    }
}

package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.DeleteUserResolverBase;

/**
 * The {@code deleteUser} mutation (delete User). Written once by dbtool and yours to edit: override the protected hook of {@link DeleteUserResolverBase} to add rules.
 */
public class DeleteUserResolver extends DeleteUserResolverBase {
    public DeleteUserResolver(Api api) {
        super(api);
    }
}

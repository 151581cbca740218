package com.example.springblog.api;

import com.example.springblog.generated.Api;
import com.example.springblog.generated.UpdatePostResolverBase;

/**
 * The {@code updatePost} mutation (update Post). Written once by dbtool and yours to edit: override the protected hook of {@link UpdatePostResolverBase} to add rules.
 */
public class UpdatePostResolver extends UpdatePostResolverBase {
    public UpdatePostResolver(Api api) {
        super(api);
    }
}

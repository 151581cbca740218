package com.example.springblog.api;

import com.example.springblog.generated.Api;
import com.example.springblog.generated.PostResolverBase;

/**
 * The {@code post} query (get Post). Written once by dbtool and yours to edit: override the protected hook of {@link PostResolverBase} to add rules.
 */
public class PostResolver extends PostResolverBase {
    public PostResolver(Api api) {
        super(api);
    }
}

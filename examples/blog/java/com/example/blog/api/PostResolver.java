package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.PostResolverBase;

/**
 * The {@code post} query (get Post). Written once by dbtool and yours to edit: override the protected hook of {@link PostResolverBase} to add rules.
 */
public class PostResolver extends PostResolverBase {
    public PostResolver(Api api) {
        super(api);
    }
}

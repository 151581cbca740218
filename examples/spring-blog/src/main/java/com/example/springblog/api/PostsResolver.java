package com.example.springblog.api;

import com.example.springblog.generated.Api;
import com.example.springblog.generated.PostsResolverBase;

/**
 * The {@code posts} query (list Post). Written once by dbtool and yours to edit: override the protected hook of {@link PostsResolverBase} to add rules.
 */
public class PostsResolver extends PostsResolverBase {
    public PostsResolver(Api api) {
        super(api);
    }
}

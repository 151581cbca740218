package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.PostsResolverBase;

/**
 * The {@code posts} query (list Post). Written once by dbtool and yours to edit: override the protected hook of {@link PostsResolverBase} to add rules.
 */
public class PostsResolver extends PostsResolverBase {
    public PostsResolver(Api api) {
        super(api);
    }
}

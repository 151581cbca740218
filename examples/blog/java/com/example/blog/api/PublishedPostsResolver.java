package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.PublishedPostsResolverBase;

/**
 * The {@code publishedPosts} query (list PublishedPost). Written once by dbtool and yours to edit: override the protected hook of {@link PublishedPostsResolverBase} to add rules.
 */
public class PublishedPostsResolver extends PublishedPostsResolverBase {
    public PublishedPostsResolver(Api api) {
        super(api);
    }
}

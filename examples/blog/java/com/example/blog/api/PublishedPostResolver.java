package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.PublishedPostResolverBase;

/**
 * The {@code publishedPost} query (get PublishedPost). Written once by dbtool and yours to edit: override the protected hook of {@link PublishedPostResolverBase} to add rules.
 */
public class PublishedPostResolver extends PublishedPostResolverBase {
    public PublishedPostResolver(Api api) {
        super(api);
    }
}

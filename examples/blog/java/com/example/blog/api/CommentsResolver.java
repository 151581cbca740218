package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.CommentsResolverBase;

/**
 * The {@code comments} query (list Comment). Written once by dbtool and yours to edit: override the protected hook of {@link CommentsResolverBase} to add rules.
 */
public class CommentsResolver extends CommentsResolverBase {
    public CommentsResolver(Api api) {
        super(api);
    }
}

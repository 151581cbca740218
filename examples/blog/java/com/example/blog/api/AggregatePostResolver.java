package com.example.blog.api;

import com.example.blog.generated.AggregatePostResolverBase;
import com.example.blog.generated.Api;

/**
 * The {@code aggregatePost} query (aggregate Post). Written once by dbtool and yours to edit: override the protected hook of {@link AggregatePostResolverBase} to add rules.
 */
public class AggregatePostResolver extends AggregatePostResolverBase {
    public AggregatePostResolver(Api api) {
        super(api);
    }
}

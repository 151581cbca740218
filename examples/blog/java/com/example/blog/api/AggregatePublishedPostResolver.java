package com.example.blog.api;

import com.example.blog.generated.AggregatePublishedPostResolverBase;
import com.example.blog.generated.Api;

/**
 * The {@code aggregatePublishedPost} query (aggregate PublishedPost). Written once by dbtool and yours to edit: override the protected hook of {@link AggregatePublishedPostResolverBase} to add rules.
 */
public class AggregatePublishedPostResolver extends AggregatePublishedPostResolverBase {
    public AggregatePublishedPostResolver(Api api) {
        super(api);
    }
}

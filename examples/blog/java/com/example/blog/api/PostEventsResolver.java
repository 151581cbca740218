package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.PostEventsResolverBase;

/**
 * The {@code postEvents} query (events Post). Written once by dbtool and yours to edit: override the protected hook of {@link PostEventsResolverBase} to add rules.
 */
public class PostEventsResolver extends PostEventsResolverBase {
    public PostEventsResolver(Api api) {
        super(api);
    }
}

package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.GroupByUserResolverBase;

/**
 * The {@code groupByUser} query (groupBy User). Written once by dbtool and yours to edit: override the protected hook of {@link GroupByUserResolverBase} to add rules.
 */
public class GroupByUserResolver extends GroupByUserResolverBase {
    public GroupByUserResolver(Api api) {
        super(api);
    }
}

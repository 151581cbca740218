package com.example.blog.api;

import com.example.blog.generated.AggregateFollowNoteResolverBase;
import com.example.blog.generated.Api;

/**
 * The {@code aggregateFollowNote} query (aggregate FollowNote). Written once by dbtool and yours to edit: override the protected hook of {@link AggregateFollowNoteResolverBase} to add rules.
 */
public class AggregateFollowNoteResolver extends AggregateFollowNoteResolverBase {
    public AggregateFollowNoteResolver(Api api) {
        super(api);
    }
}

package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.AuditEventsResolverBase;

/**
 * The {@code auditEvents} query (list AuditEvent). Written once by dbtool and yours to edit: override the protected hook of {@link AuditEventsResolverBase} to add rules.
 */
public class AuditEventsResolver extends AuditEventsResolverBase {
    public AuditEventsResolver(Api api) {
        super(api);
    }
}

package com.example.springblog.api;

import com.example.springblog.generated.Api;
import com.example.springblog.generated.UpdateAuthorResolverBase;

/**
 * The {@code updateAuthor} mutation (update Author). Written once by dbtool and yours to edit: override the protected hook of {@link UpdateAuthorResolverBase} to add rules.
 */
public class UpdateAuthorResolver extends UpdateAuthorResolverBase {
    public UpdateAuthorResolver(Api api) {
        super(api);
    }
}

package com.example.springblog.api;

import com.example.springblog.generated.Api;
import com.example.springblog.generated.CreateAuthorResolverBase;

/**
 * The {@code createAuthor} mutation (create Author). Written once by dbtool and yours to edit: override the protected hook of {@link CreateAuthorResolverBase} to add rules.
 */
public class CreateAuthorResolver extends CreateAuthorResolverBase {
    public CreateAuthorResolver(Api api) {
        super(api);
    }
}

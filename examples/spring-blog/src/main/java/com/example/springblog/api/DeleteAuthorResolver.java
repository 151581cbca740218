package com.example.springblog.api;

import com.example.springblog.generated.Api;
import com.example.springblog.generated.DeleteAuthorResolverBase;

/**
 * The {@code deleteAuthor} mutation (delete Author). Written once by dbtool and yours to edit: override the protected hook of {@link DeleteAuthorResolverBase} to add rules.
 */
public class DeleteAuthorResolver extends DeleteAuthorResolverBase {
    public DeleteAuthorResolver(Api api) {
        super(api);
    }
}

package com.example.springblog.api;

import com.example.springblog.generated.RulesBase;

/**
 * Row rules: written once by dbtool and yours to edit. Override a type's method to hide rows from some principals, e.g.
 * <pre>{@code
 * @Override
 * public Filter author(Principal principal) {
 *     return principal.has("admin") ? Filter.ALL : Filter.eq("ownerId", principal.subject());
 * }
 * }</pre>
 */
public class Rules extends RulesBase {
}

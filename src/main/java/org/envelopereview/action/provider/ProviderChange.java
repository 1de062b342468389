package org.envelopereview.action.provider;

/**
 * A change a provider's log entry records, before it becomes an action: one rule, route,
 * record or setting.
 */
public record ProviderChange(String type, String resource, String protocol, String ports, String cidr) {

}

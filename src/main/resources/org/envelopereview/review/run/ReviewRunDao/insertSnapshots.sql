INSERT INTO scope_snapshot (period, envelope_id, run_id, action_count, action_types, resources, ipv4_addresses,
                            ipv6_addresses, ports, regions, agents, open_rules_start, open_rules_end,
                            open_rules_peak, detail)
VALUES (:period, :envelope, :runId, :actionCount, :actionTypes, :resources, :ipv4Addresses, :ipv6Addresses,
        :ports, :regions, :agents, :openRulesStart, :openRulesEnd, :openRulesPeak, :detail)

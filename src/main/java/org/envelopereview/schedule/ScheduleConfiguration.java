package org.envelopereview.schedule;

import org.jdbi.v3.core.Jdbi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The schedule's data access. */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

	@Bean
	SchedulerNodeDao schedulerNodeDao(Jdbi jdbi) {
		return jdbi.onDemand(SchedulerNodeDao.class);
	}

}

package org.envelopereview.review;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.batch.core.repository.JobRepository;

/**
 * A job repository whose stored executions move on right after the first look-up of the
 * running ones, as if a process still wrote them.
 */
final class MovingOnRepository {

	private MovingOnRepository() {
	}

	static JobRepository wrap(JobRepository repository, Runnable moveOn) {
		AtomicBoolean moved = new AtomicBoolean();
		return (JobRepository) Proxy.newProxyInstance(JobRepository.class.getClassLoader(),
				new Class<?>[] { JobRepository.class }, (proxy, method, args) -> {
					Object result;
					try {
						result = method.invoke(repository, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
					if (method.getName().equals("findRunningJobExecutions") && moved.compareAndSet(false, true)) {
						moveOn.run();
					}
					return result;
				});
	}

}

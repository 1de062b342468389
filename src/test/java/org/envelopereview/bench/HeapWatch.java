package org.envelopereview.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Peak heap of this JVM since {@link #reset()}: the peak used (garbage included, summed
 * over the heap pools' own peaks) and the largest heap still in use after a collection
 * (the live set, which is what must not grow with the history).
 */
final class HeapWatch {

	private static final long MB = 1024 * 1024;

	private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans()
		.stream()
		.filter((pool) -> pool.getType() == MemoryType.HEAP)
		.map(MemoryPoolMXBean::getName)
		.collect(Collectors.toSet());

	private final AtomicLong liveAfterGc = new AtomicLong();

	HeapWatch() {
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
				if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
					GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
						.from((CompositeData) notification.getUserData());
					long used = info.getGcInfo()
						.getMemoryUsageAfterGc()
						.entrySet()
						.stream()
						.filter((pool) -> this.heapPools.contains(pool.getKey()))
						.mapToLong((pool) -> pool.getValue().getUsed())
						.sum();
					this.liveAfterGc.accumulateAndGet(used, Math::max);
				}
			}, null, null);
		}
	}

	void reset() {
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
		this.liveAfterGc.set(0);
	}

	/** Sum of the heap pools' peak use since the reset, in MiB. */
	long peakUsedMb() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.map(MemoryPoolMXBean::getPeakUsage)
			.mapToLong(MemoryUsage::getUsed)
			.sum() / MB;
	}

	/** The largest heap in use right after a collection since the reset, in MiB. */
	long liveAfterGcMb() {
		return this.liveAfterGc.get() / MB;
	}

	static long maxHeapMb() {
		return Runtime.getRuntime().maxMemory() / MB;
	}

}

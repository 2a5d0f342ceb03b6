package org.fangfei.flink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.fangfei.detect.Alert;
import org.fangfei.detect.AlertSink;
import org.fangfei.detect.engine.AccountState;
import org.fangfei.detect.engine.Detector;
import org.fangfei.detect.engine.DetectorConfig;
import org.fangfei.detect.engine.Leg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the detector for one account (the key). Legs wait in the account's
 * {@link AccountSlot} until the watermark passes their time, then go to
 * {@link Detector#onLeg} in (time, seq) order — the order {@code scan} feeds them. One
 * event-time timer per account releases them: it stands at the earliest waiting leg, and
 * when it fires every leg the watermark has passed is fed at once.
 * <p>
 * A leg at or behind the watermark is late: it goes to {@link #LATE} and is counted,
 * where {@code scan} stops with an error. State ends after the detector's
 * {@code state.ttlDays} without a leg, measured in event time by a second timer (so
 * replays of old data behave like live data); it is set once and moved on when it finds
 * the account active, not per leg.
 */
final class AccountDetector extends KeyedProcessFunction<String, Leg, Alert> {

	private static final long serialVersionUID = 1L;

	private static final Logger log = LoggerFactory.getLogger(AccountDetector.class);

	static final OutputTag<Leg> LATE = new OutputTag<>("late-legs", LegSerializer.TYPE);

	/** Stable: the two legs of a transfer to oneself keep their order (out, then in). */
	private static final Comparator<Leg> IN_ORDER = Comparator.comparingLong(Leg::time).thenComparingLong(Leg::seq);

	private final DetectorConfig config;

	private transient Detector detector;

	private transient ValueState<AccountSlot> slots;

	private transient List<Leg> due;

	private transient Counter lateLegs;

	AccountDetector(DetectorConfig config) {
		this.config = config;
	}

	@Override
	public void open(OpenContext context) {
		this.detector = new Detector(this.config);
		this.slots = getRuntimeContext()
			.getState(new ValueStateDescriptor<>("account", AccountSlot.Serializer.INSTANCE));
		this.due = new ArrayList<>();
		this.lateLegs = getRuntimeContext().getMetricGroup().counter("lateLegs");
	}

	@Override
	public void processElement(Leg leg, Context context, Collector<Alert> alerts) throws Exception {
		TimerService timers = context.timerService();
		if (leg.time <= timers.currentWatermark()) {
			late(leg, context);
			return;
		}
		AccountSlot slot = this.slots.value();
		if (slot == null) {
			slot = new AccountSlot();
		}
		slot.waiting.add(leg);
		if (slot.releaseAt == AccountSlot.NONE || leg.time < slot.releaseAt) {
			if (slot.releaseAt != AccountSlot.NONE) {
				timers.deleteEventTimeTimer(slot.releaseAt);
			}
			slot.releaseAt = leg.time;
			timers.registerEventTimeTimer(leg.time);
		}
		this.slots.update(slot);
	}

	private void late(Leg leg, Context context) {
		this.lateLegs.inc();
		long count = this.lateLegs.getCount();
		if (count <= 10 || Long.bitCount(count) == 1) {
			log.warn("late leg dropped (total {}): {}", count, leg);
		}
		context.output(LATE, leg);
	}

	@Override
	public void onTimer(long time, OnTimerContext context, Collector<Alert> alerts) throws Exception {
		AccountSlot slot = this.slots.value();
		if (slot == null) {
			return;
		}
		TimerService timers = context.timerService();
		if (time == slot.releaseAt) {
			release(slot, timers.currentWatermark(), alerts);
			slot.releaseAt = earliest(slot.waiting);
			if (slot.releaseAt != AccountSlot.NONE) {
				timers.registerEventTimeTimer(slot.releaseAt);
			}
		}
		if (time == slot.idleCheckAt) {
			slot.idleCheckAt = AccountSlot.NONE;
			if (slot.waiting.isEmpty() && idleAt(slot.state) <= time) {
				this.slots.clear();
				return;
			}
		}
		if (slot.idleCheckAt == AccountSlot.NONE && slot.state != null) {
			// legs still waiting are fed before the account can be idle
			slot.idleCheckAt = slot.waiting.isEmpty() ? Math.max(idleAt(slot.state), time)
					: time + this.config.stateTtlMillis();
			timers.registerEventTimeTimer(slot.idleCheckAt);
		}
		this.slots.update(slot);
	}

	/** Feeds every waiting leg at or before the watermark, in (time, seq) order. */
	private void release(AccountSlot slot, long watermark, Collector<Alert> alerts) {
		List<Leg> waiting = slot.waiting;
		List<Leg> due = this.due;
		int kept = 0;
		for (int i = 0; i < waiting.size(); i++) {
			Leg leg = waiting.get(i);
			if (leg.time <= watermark) {
				due.add(leg);
			}
			else {
				waiting.set(kept++, leg);
			}
		}
		waiting.subList(kept, waiting.size()).clear();
		if (due.size() > 1) {
			due.sort(IN_ORDER);
		}
		if (slot.state == null) {
			slot.state = new AccountState();
		}
		AlertSink sink = alerts::collect;
		for (int i = 0; i < due.size(); i++) {
			this.detector.onLeg(slot.state, due.get(i), sink);
		}
		due.clear();
	}

	private static long earliest(List<Leg> legs) {
		long earliest = AccountSlot.NONE;
		for (int i = 0; i < legs.size(); i++) {
			long time = legs.get(i).time;
			if (earliest == AccountSlot.NONE || time < earliest) {
				earliest = time;
			}
		}
		return earliest;
	}

	/** When the account has been idle for the detector's state TTL. */
	private long idleAt(AccountState state) {
		long last = (state != null) ? state.lastActivity() : Long.MIN_VALUE;
		return (last != Long.MIN_VALUE) ? last + this.config.stateTtlMillis() : Long.MIN_VALUE;
	}

}

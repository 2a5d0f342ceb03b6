package org.fangfei.flink;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.fangfei.detect.AccountState;
import org.fangfei.detect.Alert;
import org.fangfei.detect.Detector;
import org.fangfei.detect.DetectorConfig;
import org.fangfei.detect.Leg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the detector for one account (the key). Legs wait in state until the watermark
 * passes their time, then go to {@link Detector#onLeg} in (time, seq) order — the order
 * {@code scan} feeds them. The account's {@link AccountState} is kept as the detector
 * serialises it.
 * <p>
 * A leg at or behind the watermark is late: it goes to {@link #LATE} and is counted,
 * where {@code scan} stops with an error. State ends after the detector's
 * {@code state.ttlDays} without a leg, measured in event time by a timer (so replays of
 * old data behave like live data), with a processing-time state TTL of the same length
 * behind it for keys whose event time stops.
 */
final class AccountDetector extends KeyedProcessFunction<String, Leg, Alert> {

	private static final long serialVersionUID = 1L;

	private static final Logger log = LoggerFactory.getLogger(AccountDetector.class);

	static final OutputTag<Leg> LATE = new OutputTag<>("late-legs", TypeInformation.of(Leg.class));

	private static final Comparator<Leg> BY_SEQ = Comparator.comparingLong(Leg::seq);

	private final DetectorConfig config;

	private transient Detector detector;

	private transient ValueState<AccountState> account;

	private transient MapState<Long, List<Leg>> waiting;

	private transient ValueState<Long> idleCheck;

	private transient Counter lateLegs;

	AccountDetector(DetectorConfig config) {
		this.config = config;
	}

	@Override
	public void open(OpenContext context) {
		this.detector = new Detector(this.config);
		StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMillis(this.config.stateTtlMillis()))
			.updateTtlOnCreateAndWrite()
			.neverReturnExpired()
			.build();
		ValueStateDescriptor<AccountState> accountDescriptor = new ValueStateDescriptor<>("account",
				AccountStateSerializer.INSTANCE);
		accountDescriptor.enableTimeToLive(ttl);
		this.account = getRuntimeContext().getState(accountDescriptor);
		this.waiting = getRuntimeContext().getMapState(
				new MapStateDescriptor<>("waiting-legs", Types.LONG, Types.LIST(TypeInformation.of(Leg.class))));
		this.idleCheck = getRuntimeContext().getState(new ValueStateDescriptor<>("idle-check", Types.LONG));
		this.lateLegs = getRuntimeContext().getMetricGroup().counter("lateLegs");
	}

	@Override
	public void processElement(Leg leg, Context context, Collector<Alert> alerts) throws Exception {
		if (leg.time() <= context.timerService().currentWatermark()) {
			this.lateLegs.inc();
			if (this.lateLegs.getCount() <= 10 || Long.bitCount(this.lateLegs.getCount()) == 1) {
				log.warn("late leg dropped (total {}): {}", this.lateLegs.getCount(), leg);
			}
			context.output(LATE, leg);
			return;
		}
		List<Leg> legs = this.waiting.get(leg.time());
		if (legs == null) {
			legs = new ArrayList<>(2);
			context.timerService().registerEventTimeTimer(leg.time());
		}
		legs.add(leg);
		this.waiting.put(leg.time(), legs);
	}

	@Override
	public void onTimer(long time, OnTimerContext context, Collector<Alert> alerts) throws Exception {
		List<Leg> legs = this.waiting.get(time);
		if (legs != null) {
			this.waiting.remove(time);
			legs.sort(BY_SEQ);
			AccountState state = load();
			for (Leg leg : legs) {
				this.detector.onLeg(state, leg, alerts::collect);
			}
			store(state);
			if (this.idleCheck.value() == null) {
				scheduleIdleCheck(context, idleAt(state, time));
			}
		}
		Long check = this.idleCheck.value();
		if (check != null && check == time) {
			checkIdle(context, time);
		}
	}

	private void checkIdle(OnTimerContext context, long now) throws Exception {
		AccountState state = this.account.value();
		long due = (state != null) ? idleAt(state, now) : now;
		if (!this.waiting.isEmpty()) {
			// legs still wait for their time: look again when they will surely have been
			// fed
			scheduleIdleCheck(context, now + this.config.stateTtlMillis());
		}
		else if (due <= now) {
			this.account.clear();
			this.idleCheck.clear();
		}
		else {
			scheduleIdleCheck(context, due);
		}
	}

	/** When the account has been idle for the detector's state TTL. */
	private long idleAt(AccountState state, long otherwise) {
		long last = state.lastActivity();
		return (last != Long.MIN_VALUE) ? last + this.config.stateTtlMillis() : otherwise;
	}

	private void scheduleIdleCheck(OnTimerContext context, long at) throws IOException {
		this.idleCheck.update(at);
		context.timerService().registerEventTimeTimer(at);
	}

	private AccountState load() throws IOException {
		AccountState state = this.account.value();
		return (state != null) ? state : new AccountState();
	}

	private void store(AccountState state) throws IOException {
		// also after changing it in place: copy-on-write snapshots and RocksDB need the
		// write
		this.account.update(state);
	}

}

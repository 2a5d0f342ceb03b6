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
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
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

	private transient ValueState<byte[]> account;

	private transient MapState<Long, List<Leg>> waiting;

	private transient ValueState<Long> idleCheck;

	private transient Counter lateLegs;

	private transient DataOutputSerializer out;

	private transient DataInputDeserializer in;

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
		ValueStateDescriptor<byte[]> accountDescriptor = new ValueStateDescriptor<>("account",
				PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
		accountDescriptor.enableTimeToLive(ttl);
		this.account = getRuntimeContext().getState(accountDescriptor);
		this.waiting = getRuntimeContext().getMapState(
				new MapStateDescriptor<>("waiting-legs", Types.LONG, Types.LIST(TypeInformation.of(Leg.class))));
		this.idleCheck = getRuntimeContext().getState(new ValueStateDescriptor<>("idle-check", Types.LONG));
		this.lateLegs = getRuntimeContext().getMetricGroup().counter("lateLegs");
		this.out = new DataOutputSerializer(256);
		this.in = new DataInputDeserializer();
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
		byte[] bytes = this.account.value();
		long due = (bytes != null) ? idleAt(read(bytes), now) : now;
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
		byte[] bytes = this.account.value();
		return (bytes != null) ? read(bytes) : new AccountState();
	}

	private AccountState read(byte[] bytes) throws IOException {
		this.in.setBuffer(bytes);
		return AccountState.readFrom(this.in);
	}

	private void store(AccountState state) throws IOException {
		this.out.clear();
		state.writeTo(this.out);
		this.account.update(this.out.getCopyOfBuffer());
	}

}

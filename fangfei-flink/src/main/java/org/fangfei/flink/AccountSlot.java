package org.fangfei.flink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.fangfei.detect.engine.AccountState;
import org.fangfei.detect.engine.Leg;

/**
 * Everything {@link AccountDetector} keeps for one account, in one state entry so a leg
 * costs one state read and one write: the detector's state, the legs that wait for the
 * watermark and the times of the account's two timers.
 */
final class AccountSlot {

	static final long NONE = Long.MIN_VALUE;

	/** The detector's state; null until the first leg is fed. */
	AccountState state;

	/** Legs not yet fed, in arrival order. */
	final List<Leg> waiting;

	/** The event-time timer that feeds the waiting legs, or {@link #NONE}. */
	long releaseAt = NONE;

	/** The event-time timer that looks whether the account is idle, or {@link #NONE}. */
	long idleCheckAt = NONE;

	AccountSlot() {
		this(new ArrayList<>(2));
	}

	private AccountSlot(List<Leg> waiting) {
		this.waiting = waiting;
	}

	/**
	 * The slot in the state backend: the detector's own binary form of
	 * {@link AccountState} ({@code writeTo} / {@code readFrom}), then the waiting legs
	 * and the timers.
	 */
	static final class Serializer extends TypeSerializerSingleton<AccountSlot> {

		private static final long serialVersionUID = 1L;

		static final Serializer INSTANCE = new Serializer();

		@Override
		public boolean isImmutableType() {
			return false;
		}

		@Override
		public AccountSlot createInstance() {
			return new AccountSlot();
		}

		@Override
		public AccountSlot copy(AccountSlot from) {
			try {
				DataOutputSerializer out = new DataOutputSerializer(1024);
				serialize(from, out);
				return deserialize(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
			}
			catch (IOException ex) {
				throw new IllegalStateException("cannot copy an account slot", ex);
			}
		}

		@Override
		public AccountSlot copy(AccountSlot from, AccountSlot reuse) {
			return copy(from);
		}

		@Override
		public int getLength() {
			return -1;
		}

		@Override
		public void serialize(AccountSlot slot, DataOutputView target) throws IOException {
			target.writeBoolean(slot.state != null);
			if (slot.state != null) {
				slot.state.writeTo(target);
			}
			target.writeInt(slot.waiting.size());
			for (Leg leg : slot.waiting) {
				LegSerializer.INSTANCE.serialize(leg, target);
			}
			target.writeLong(slot.releaseAt);
			target.writeLong(slot.idleCheckAt);
		}

		@Override
		public AccountSlot deserialize(DataInputView source) throws IOException {
			AccountState state = source.readBoolean() ? AccountState.readFrom(source) : null;
			int n = source.readInt();
			AccountSlot slot = new AccountSlot(new ArrayList<>(Math.max(n, 2)));
			slot.state = state;
			for (int i = 0; i < n; i++) {
				slot.waiting.add(LegSerializer.INSTANCE.deserialize(source));
			}
			slot.releaseAt = source.readLong();
			slot.idleCheckAt = source.readLong();
			return slot;
		}

		@Override
		public AccountSlot deserialize(AccountSlot reuse, DataInputView source) throws IOException {
			return deserialize(source);
		}

		@Override
		public void copy(DataInputView source, DataOutputView target) throws IOException {
			serialize(deserialize(source), target);
		}

		@Override
		public TypeSerializerSnapshot<AccountSlot> snapshotConfiguration() {
			return new Snapshot();
		}

		/**
		 * Restores this serializer; the detector keeps its binary form compatible or says
		 * so.
		 */
		public static final class Snapshot extends SimpleTypeSerializerSnapshot<AccountSlot> {

			public Snapshot() {
				super(() -> INSTANCE);
			}

		}

	}

}

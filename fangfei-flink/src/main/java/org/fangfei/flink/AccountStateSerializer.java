package org.fangfei.flink;

import java.io.IOException;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.fangfei.detect.AccountState;

/**
 * The detector's own binary form of {@link AccountState} ({@code writeTo} /
 * {@code readFrom}) as a Flink serializer. On the heap backend the state object then
 * stays on the heap between legs and is serialised only for checkpoints; on RocksDB it is
 * serialised per access, as a {@code byte[]} would be.
 */
final class AccountStateSerializer extends TypeSerializerSingleton<AccountState> {

	private static final long serialVersionUID = 1L;

	static final AccountStateSerializer INSTANCE = new AccountStateSerializer();

	@Override
	public boolean isImmutableType() {
		return false;
	}

	@Override
	public AccountState createInstance() {
		return new AccountState();
	}

	@Override
	public AccountState copy(AccountState from) {
		try {
			DataOutputSerializer out = new DataOutputSerializer(1024);
			from.writeTo(out);
			return AccountState.readFrom(new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("cannot copy an account state", ex);
		}
	}

	@Override
	public AccountState copy(AccountState from, AccountState reuse) {
		return copy(from);
	}

	@Override
	public int getLength() {
		return -1;
	}

	@Override
	public void serialize(AccountState record, DataOutputView target) {
		record.writeTo(target);
	}

	@Override
	public AccountState deserialize(DataInputView source) {
		return AccountState.readFrom(source);
	}

	@Override
	public AccountState deserialize(AccountState reuse, DataInputView source) {
		return deserialize(source);
	}

	@Override
	public void copy(DataInputView source, DataOutputView target) throws IOException {
		serialize(deserialize(source), target);
	}

	@Override
	public TypeSerializerSnapshot<AccountState> snapshotConfiguration() {
		return new Snapshot();
	}

	/**
	 * Restores this serializer; the detector keeps its binary form compatible or says so.
	 */
	public static final class Snapshot extends SimpleTypeSerializerSnapshot<AccountState> {

		public Snapshot() {
			super(() -> INSTANCE);
		}

	}

}

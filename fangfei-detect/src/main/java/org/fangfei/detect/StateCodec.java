package org.fangfei.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Binary form of {@link AccountState}: a version byte, then every field in a fixed order.
 */
final class StateCodec {

	private StateCodec() {
	}

	static void write(AccountState s, DataOutput o, int version) throws IOException {
		o.writeByte(version);
		o.writeLong(s.getl(AccountState.L_FIRST_TIME));
		o.writeLong(s.getl(AccountState.L_LAST_TIME));
		o.writeInt(s.geti(AccountState.FIRST_DAY));
		o.writeInt(s.geti(AccountState.CUR_DAY));
		for (int d = 0; d < AccountState.RING; d++) {
			int r = s.ring(d);
			o.writeLong(s.a[r]);
			o.writeLong(s.a[r + 1]);
			o.writeLong(s.a[r + 2]);
			o.writeLong(s.firstMs(d));
		}
		o.writeLong(s.getl(AccountState.L_S_IN_FEN));
		o.writeInt(s.geti(AccountState.S_COUNT));
		o.writeInt(s.geti(AccountState.S_DISTINCT));
		o.writeInt(s.geti(AccountState.S_NEW));
		o.writeInt(s.geti(AccountState.S_BIG));
		o.writeLong(s.getl(AccountState.L_G_IN_FEN));
		o.writeInt(s.geti(AccountState.G_COUNT));
		o.writeInt(s.geti(AccountState.G_NEW));
		o.writeLong(s.getl(AccountState.L_TOTAL_NEW));
		int slots = s.geti(AccountState.CP_SLOTS);
		o.writeInt(slots * 4);
		o.writeInt(s.geti(AccountState.SIZE));
		o.writeInt(s.geti(AccountState.LEVEL));
		if (slots > 0) {
			int[] t = s.cp();
			int base = s.geti(AccountState.CP_OFF) & AccountStore.CP_PAGE_MASK;
			for (int i = 0; i < slots * 4; i++) {
				o.writeInt(t[base + i]);
			}
		}
		AccountStore.Cold c = s.coldOrNull();
		int outN = s.geti(AccountState.OUT_N);
		o.writeInt(outN);
		for (int i = 0; i < outN; i++) {
			o.writeLong(s.outTime(i));
			o.writeLong(s.outFen(i));
			writeString(o, s.outTx(i));
			writeString(o, s.outPayee(i));
		}
		o.writeLong(s.getl(AccountState.L_BATCH_START));
		o.writeInt(s.geti(AccountState.BATCH_COUNT));
		o.writeInt(s.geti(AccountState.BATCH_SAMPLED));
		o.writeInt(s.geti(AccountState.BATCH_KNOWN));
		o.writeInt(s.geti(AccountState.BATCH_REPEAT));
		o.writeLong(s.getl(AccountState.L_BATCH_FEN));
		o.writeLong(s.getl(AccountState.L_BATCH_KNOWN_PAYOUT_FEN));
		o.writeLong(s.getl(AccountState.L_BATCH_KNOWN_PAID_YUAN));
		o.writeInt(s.geti(AccountState.B_N));
		boolean batches = c != null && c.bStart != null;
		o.writeBoolean(batches);
		for (int i = 0; batches && i < AccountState.BATCHES; i++) {
			o.writeLong(c.bStart[i]);
			o.writeInt(c.bCount[i]);
			o.writeLong(c.bFen[i]);
			o.writeDouble(c.bOverlap[i]);
			o.writeDouble(c.bYield[i]);
		}
		o.writeLong(s.getl(AccountState.L_MEMO_BUCKET));
		o.writeInt(s.geti(AccountState.MEMO_CUR_PAYERS));
		o.writeInt(s.geti(AccountState.MEMO_PREV_PAYERS));
		o.writeInt(s.geti(AccountState.MEMO_CUR_TX));
		o.writeInt(s.geti(AccountState.MEMO_PREV_TX));
		o.writeLong(s.getl(AccountState.L_MEMO_CUR_FEN));
		o.writeLong(s.getl(AccountState.L_MEMO_PREV_FEN));
		o.writeLong(s.getl(AccountState.L_MEMO_CUR_FIRST));
		o.writeLong(s.getl(AccountState.L_MEMO_PREV_FIRST));
		o.writeInt(s.geti(AccountState.MEMO_CUR_WORDS));
		o.writeInt(s.geti(AccountState.MEMO_PREV_WORDS));
		for (int p = 0; p < Pattern.values().length; p++) {
			o.writeLong(s.lastAlert(p));
		}
	}

	static AccountState read(DataInput in, int version) throws IOException {
		int v = in.readByte();
		if (v != version) {
			throw new IOException("account state version " + v + " is not " + version);
		}
		AccountState s = new AccountState();
		s.setl(AccountState.L_FIRST_TIME, in.readLong());
		s.setl(AccountState.L_LAST_TIME, in.readLong());
		s.seti(AccountState.FIRST_DAY, in.readInt());
		s.seti(AccountState.CUR_DAY, in.readInt());
		for (int d = 0; d < AccountState.RING; d++) {
			int r = s.ring(d);
			s.a[r] = in.readLong();
			s.a[r + 1] = in.readLong();
			s.a[r + 2] = in.readLong();
			s.firstMs(d, in.readLong());
		}
		s.recomputeRingUsed();
		s.setl(AccountState.L_S_IN_FEN, in.readLong());
		s.seti(AccountState.S_COUNT, in.readInt());
		s.seti(AccountState.S_DISTINCT, in.readInt());
		s.seti(AccountState.S_NEW, in.readInt());
		s.seti(AccountState.S_BIG, in.readInt());
		s.setl(AccountState.L_G_IN_FEN, in.readLong());
		s.seti(AccountState.G_COUNT, in.readInt());
		s.seti(AccountState.G_NEW, in.readInt());
		s.setl(AccountState.L_TOTAL_NEW, in.readLong());
		int cap = in.readInt();
		s.seti(AccountState.SIZE, in.readInt());
		s.seti(AccountState.LEVEL, in.readInt());
		if (cap > 0) {
			if (cap < 32 || Integer.bitCount(cap) != 1) {
				throw new IOException("counterparty table of " + cap + " ints is not a power of two >= 32");
			}
			int[] t = new int[cap];
			for (int i = 0; i < cap; i++) {
				t[i] = in.readInt();
			}
			s.adoptTable(t);
		}
		int outN = in.readInt();
		if (outN < 0 || outN > AccountState.OUTS) {
			throw new IOException("account state keeps " + outN + " large outflows, at most " + AccountState.OUTS);
		}
		s.seti(AccountState.OUT_N, outN);
		for (int i = 0; i < outN; i++) {
			long time = in.readLong();
			long fen = in.readLong();
			String tx = readString(in);
			s.setOut(i, time, fen, tx, readString(in));
		}
		s.setl(AccountState.L_BATCH_START, in.readLong());
		s.seti(AccountState.BATCH_COUNT, in.readInt());
		s.seti(AccountState.BATCH_SAMPLED, in.readInt());
		s.seti(AccountState.BATCH_KNOWN, in.readInt());
		s.seti(AccountState.BATCH_REPEAT, in.readInt());
		s.setl(AccountState.L_BATCH_FEN, in.readLong());
		s.setl(AccountState.L_BATCH_KNOWN_PAYOUT_FEN, in.readLong());
		s.setl(AccountState.L_BATCH_KNOWN_PAID_YUAN, in.readLong());
		s.seti(AccountState.B_N, in.readInt());
		if (in.readBoolean()) {
			AccountStore.Cold c = s.cold();
			c.allocateBatches();
			for (int i = 0; i < AccountState.BATCHES; i++) {
				c.bStart[i] = in.readLong();
				c.bCount[i] = in.readInt();
				c.bFen[i] = in.readLong();
				c.bOverlap[i] = in.readDouble();
				c.bYield[i] = in.readDouble();
			}
		}
		s.setl(AccountState.L_MEMO_BUCKET, in.readLong());
		s.seti(AccountState.MEMO_CUR_PAYERS, in.readInt());
		s.seti(AccountState.MEMO_PREV_PAYERS, in.readInt());
		s.seti(AccountState.MEMO_CUR_TX, in.readInt());
		s.seti(AccountState.MEMO_PREV_TX, in.readInt());
		s.setl(AccountState.L_MEMO_CUR_FEN, in.readLong());
		s.setl(AccountState.L_MEMO_PREV_FEN, in.readLong());
		s.setl(AccountState.L_MEMO_CUR_FIRST, in.readLong());
		s.setl(AccountState.L_MEMO_PREV_FIRST, in.readLong());
		s.seti(AccountState.MEMO_CUR_WORDS, in.readInt());
		s.seti(AccountState.MEMO_PREV_WORDS, in.readInt());
		for (int p = 0; p < Pattern.values().length; p++) {
			s.lastAlert(p, in.readLong());
		}
		return s;
	}

	private static void writeString(DataOutput o, String s) throws IOException {
		o.writeBoolean(s != null);
		if (s != null) {
			o.writeUTF(s);
		}
	}

	private static String readString(DataInput in) throws IOException {
		return in.readBoolean() ? in.readUTF() : null;
	}

}

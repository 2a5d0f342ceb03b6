package org.fangfei.app.tip;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.FieldCipher;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads and saves reward cases and the jurisdictions' reward rules, and reads what the
 * tip module keeps about a tip for {@link RewardPolicy}: the reward tables and the tip's
 * own projection of its clue, never another module's tables.
 */
@Component
class RewardStore {

	/** What the tip module knows of a tip, for opening its reward case. */
	record TipFacts(long tipId, String regionCode, OffsetDateTime sentAt, long ownClueId, long rootClueId,
			boolean declaredStaff, boolean confirmed, boolean earlierTip) {
	}

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	RewardStore(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/**
	 * Tips whose reporter asked for a reward and whose clue was confirmed, without a case
	 * yet; at most {@code limit}, oldest first.
	 */
	List<Long> due(int limit) {
		return this.jdbc.sql("""
				select t.id from tip t where t.wants_reward and t.clue_confirmed
				and not exists (select 1 from reward r where r.tip_id = t.id) order by t.id limit :limit
				""").param("limit", limit).query(Long.class).list();
	}

	/** Such tips among those following one clue. */
	List<Long> dueOn(long rootClueId) {
		return this.jdbc.sql("""
				select t.id from tip t where t.clue_root_id = :root and t.wants_reward and t.clue_confirmed
				and not exists (select 1 from reward r where r.tip_id = t.id) order by t.id
				""").param("root", rootClueId).query(Long.class).list();
	}

	/**
	 * The tip, locked until the transaction ends so that its case is opened once; empty
	 * when it is no longer due.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<TipFacts> lockDue(long tipId) {
		return this.jdbc.sql("""
				select t.id, t.region_code, t.created_at, t.clue_id, t.clue_root_id, t.declared_staff, t.clue_confirmed,
				  exists (select 1 from tip e where e.clue_root_id = t.clue_root_id and e.id <> t.id
				          and (e.created_at < t.created_at or (e.created_at = t.created_at and e.id < t.id))) earlier
				from tip t where t.id = :id and t.wants_reward and t.clue_confirmed
				and not exists (select 1 from reward r where r.tip_id = t.id)
				for update of t
				""")
			.param("id", tipId)
			.query((rs, n) -> new TipFacts(rs.getLong(1), rs.getString(2),
					Times.local(rs.getObject(3, OffsetDateTime.class)), rs.getLong(4), rs.getLong(5), rs.getBoolean(6),
					rs.getBoolean(7), rs.getBoolean(8)))
			.optional();
	}

	/** Whether the clue the tip follows is confirmed now. */
	boolean confirmed(long tipId) {
		return this.jdbc.sql("select clue_confirmed from tip where id = :id")
			.param("id", tipId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The reporter's name and phone in clear, for the policy; empty for an anonymous tip.
	 */
	Optional<String[]> reporter(long tipId) {
		return this.jdbc.sql("select name_enc, phone_enc from tip_reporter where tip_id = :t")
			.param("t", tipId)
			.query((rs, n) -> new String[] {
					rs.getBytes(1) == null ? null : this.cipher.decrypt(rs.getBytes(1), "tip_reporter.name:" + tipId),
					rs.getBytes(2) == null ? null
							: this.cipher.decrypt(rs.getBytes(2), "tip_reporter.phone:" + tipId) })
			.optional();
	}

	Optional<Reward> ofTip(long tipId) {
		return this.jdbc.sql("""
				select id, tip_id, clue_id, state, amount_fen, basis, exclusions, approved_by, approval_note, paid_on,
				  paid_by, version
				from reward where tip_id = :t
				""")
			.param("t", tipId)
			.query((rs, n) -> new Reward(rs.getLong(1), rs.getLong(2), rs.getLong(3),
					Reward.State.valueOf(rs.getString(4)), rs.getLong(5), rs.getString(6), rs.getString(7),
					rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class), rs.getString(11),
					rs.getInt(12)))
			.optional();
	}

	/** Writes a new case, opened at {@code openedAt}; returns its id. */
	@Transactional(propagation = Propagation.MANDATORY)
	long insert(Reward reward, OffsetDateTime openedAt) {
		return this.jdbc.sql("""
				insert into reward (tip_id, clue_id, state, amount_fen, basis, exclusions, created_at)
				values (:t, :c, :s, :a, :b, :x, :at) returning id
				""")
			.param("t", reward.tipId())
			.param("c", reward.clueId())
			.param("s", reward.state().name())
			.param("a", reward.amountFen())
			.param("b", reward.basis())
			.param("x", reward.exclusions())
			.param("at", openedAt)
			.query(Long.class)
			.single();
	}

	/**
	 * Writes a move of a loaded case; a {@link Conflict} when someone else moved it since
	 * (the transaction then writes nothing).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void save(Reward reward) {
		int updated = this.jdbc.sql("""
				update reward set state = :s, approved_by = :approvedBy,
				  approved_at = case when :s = 'APPROVED' then :now else approved_at end,
				  approval_note = :note, paid_on = :paidOn,
				  payment_enc = coalesce(cast(:payment as bytea), payment_enc), paid_by = :paidBy, version = version + 1
				where id = :id and version = :v
				""")
			.params(Map.of("s", reward.state().name(), "id", reward.id(), "v", reward.version()))
			.param("approvedBy", reward.approvedBy())
			.param("note", reward.approvalNote())
			.param("paidOn", reward.paidOn())
			.param("payment",
					reward.paymentReference() == null ? null
							: this.cipher.encrypt(reward.paymentReference(), "reward.payment:" + reward.id()))
			.param("paidBy", reward.paidBy())
			.param("now", Times.now())
			.update();
		if (updated != 1) {
			throw new Conflict("刚刚已被他人处理，您的操作未执行");
		}
	}

	/** The rule of the most specific jurisdiction covering the region. */
	RewardRule ruleFor(String regionCode) {
		return this.jdbc
			.sql("""
					select * from reward_rule where :region like region_prefix || '%' order by length(region_prefix) desc limit 1
					""")
			.param("region", regionCode)
			.query((rs, n) -> rule(rs))
			.single();
	}

	/** Every jurisdiction's rule, the default (empty prefix) first. */
	List<RewardRule> rules() {
		return this.jdbc.sql("select * from reward_rule order by length(region_prefix), region_prefix")
			.query((rs, n) -> rule(rs))
			.list();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void saveRule(RewardRule rule, String by) {
		this.jdbc
			.sql("""
					insert into reward_rule (region_prefix, mode, normal_fen, major_fen, per_mille, floor_fen, cap_fen, updated_by)
					values (:p, :m, :n, :j, :pm, :f, :c, :by)
					on conflict (region_prefix) do update set mode = :m, normal_fen = :n, major_fen = :j, per_mille = :pm,
					  floor_fen = :f, cap_fen = :c, updated_by = :by, updated_at = now()
					""")
			.param("p", rule.regionPrefix())
			.param("m", rule.mode().name())
			.param("n", rule.normalFen())
			.param("j", rule.majorFen())
			.param("pm", rule.perMille())
			.param("f", rule.floorFen())
			.param("c", rule.capFen())
			.param("by", by)
			.update();
	}

	private static RewardRule rule(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new RewardRule(rs.getString("region_prefix"), RewardRule.Mode.valueOf(rs.getString("mode")),
				rs.getObject("normal_fen", Long.class), rs.getObject("major_fen", Long.class),
				rs.getObject("per_mille", Integer.class), rs.getObject("floor_fen", Long.class),
				rs.getObject("cap_fen", Long.class));
	}

}

package org.fangfei.app.petition;

import java.time.LocalDate;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads and saves petitions within the caller's scope: the jurisdiction of the petition's
 * region and, for a department, only the petitions of its sectors.
 */
@Component
class Petitions {

	/**
	 * Who sees a petition {@code p}: bound parameters of {@link DataScope#sqlParams()}.
	 */
	static final String VISIBLE = "(p.region_code like :regionLike and (not :sectorLimited or p.sector_code = any(:sectorCodes)))";

	static final String EDIT = "petition:petition:edit";

	private final JdbcClient jdbc;

	Petitions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The petition as the caller may see it; 404 outside the scope. */
	Petition load(long id, DataScope scope) {
		return this.jdbc.sql("select p.* from petition p where p.id = :id and " + VISIBLE)
			.params(scope.sqlParams())
			.param("id", id)
			.query((rs, n) -> new Petition(rs.getLong("id"), rs.getString("code"), rs.getString("region_code"),
					PetitionStatus.valueOf(rs.getString("status")), rs.getObject("received_on", LocalDate.class),
					rs.getObject("accept_due_on", LocalDate.class), rs.getObject("accepted_on", LocalDate.class),
					rs.getObject("finish_due_on", LocalDate.class), (Integer) rs.getObject("extension_days"),
					rs.getInt("version")))
			.optional()
			.orElseThrow(() -> new NotFound("信访件"));
	}

	/**
	 * The petition for a change: the permission, the scope and the version the user saw.
	 */
	Petition forChange(long id, Integer seenVersion, Actor actor) {
		need(actor);
		Petition p = load(id, actor.scope());
		if (seenVersion == null) {
			throw new org.fangfei.app.shared.Rejected("缺少版本号，请刷新后重试");
		}
		if (seenVersion != p.version()) {
			throw new Conflict("信访件已被他人修改，请刷新后重试");
		}
		return p;
	}

	static void need(Actor actor) {
		if (!actor.can(EDIT)) {
			throw new AccessDeniedException("无权办理信访件");
		}
	}

	/** Writes the petition's state and its timeline lines; 409 when saved meanwhile. */
	@Transactional(propagation = Propagation.MANDATORY)
	void save(Petition p, PetitionStatus before, Actor actor) {
		int updated = this.jdbc
			.sql("""
					update petition set status = :status, accepted_on = :accepted, not_accepted_reason = :refused,
					finish_due_on = :finishDue, extension_days = :extDays, extension_reason = :extReason, replied_on = :replied,
					reply = :reply, satisfaction = :satisfaction,
					overdue_flagged_on = case when :statusChanged then null else overdue_flagged_on end,
					version = version + 1, updated_at = now() where id = :id and version = :version
					""")
			.param("status", p.status().name())
			.param("accepted", p.acceptedOn())
			.param("refused", p.notAcceptedReason())
			.param("finishDue", p.finishDueOn())
			.param("extDays", p.extensionDays())
			.param("extReason", p.extensionReason())
			.param("replied", p.repliedOn())
			.param("reply", p.reply())
			.param("satisfaction", p.satisfaction() == null ? null : p.satisfaction().name())
			.param("statusChanged", before != p.status())
			.param("id", p.id())
			.param("version", p.version())
			.update();
		if (updated != 1) {
			throw new Conflict("信访件已被他人修改，请刷新后重试");
		}
		for (String[] event : p.newEvents()) {
			event(p.id(), actor, event[0], event[1]);
		}
	}

	/** Appends one line to the petition's timeline. */
	@Transactional(propagation = Propagation.MANDATORY)
	void event(long petitionId, Actor actor, String kind, String note) {
		this.jdbc
			.sql("""
					insert into petition_event (petition_id, actor, actor_name, kind, note) values (:p, :actor, :name, :kind, :note)
					""")
			.param("p", petitionId)
			.param("actor", actor.username())
			.param("name", actor.displayName())
			.param("kind", kind)
			.param("note", note.length() > 2000 ? note.substring(0, 2000) : note)
			.update();
	}

	/**
	 * The unit that must act on a petition of {@code regionCode}: a village's matters go
	 * to its township, others to the region's own office.
	 */
	static String handlingUnit(String regionCode) {
		return regionCode.endsWith("000") ? regionCode : regionCode.substring(0, 9) + "000";
	}

}

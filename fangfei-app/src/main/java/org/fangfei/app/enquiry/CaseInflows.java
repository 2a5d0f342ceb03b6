package org.fangfei.app.enquiry;

import java.util.OptionalLong;

import org.fangfei.app.casefile.TracedInflows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The case ledger's {@link TracedInflows}: what a participant, known by their ID number's
 * blind index from a statement's 对方证件号码, paid into the case's collection accounts (those
 * the office marked 归集账户, or, while none is marked, the queried accounts).
 */
@Component
class CaseInflows implements TracedInflows {

	private final JdbcClient jdbc;

	CaseInflows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public OptionalLong tracedFen(long caseId, String idNumberIndex) {
		if (idNumberIndex == null) {
			return OptionalLong.empty();
		}
		Long fen = this.jdbc.sql("""
				with collecting as (
				  select id from trace_account where matter_kind = 'CASE' and matter_id = :c and (role = 'COLLECTION'
				    or queried and not exists (select 1 from trace_account r where r.matter_kind = 'CASE'
				      and r.matter_id = :c and r.role = 'COLLECTION')))
				select sum(f.amount_fen) from trace_flow f join trace_account p on p.id = f.payer_id
				where f.matter_kind = 'CASE' and f.matter_id = :c and p.id_number_idx = :idx
				  and f.payee_id in (select id from collecting)
				""").param("c", caseId).param("idx", idNumberIndex).query(Long.class).optional().orElse(null);
		return fen == null ? OptionalLong.empty() : OptionalLong.of(fen);
	}

}

package org.fangfei.app.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits count an IPv6 client by its /64 network, which one subscriber holds whole.
 */
class ClientAddressTests {

	@Test
	void anIpv4AddressIsItsOwnKey() {
		assertThat(ClientAddress.key("10.80.2.1")).isEqualTo("10.80.2.1");
		assertThat(ClientAddress.key("::ffff:10.80.2.1")).as("IPv4 written as IPv6").isEqualTo("10.80.2.1");
	}

	@Test
	void everyAddressOfOneIpv6NetworkHasTheSameKey() {
		assertThat(ClientAddress.key("2001:db8:1:2:a:b:c:d")).isEqualTo("2001:db8:1:2::/64");
		assertThat(ClientAddress.key("2001:0db8:0001:0002:ffff:ffff:ffff:fffe")).isEqualTo("2001:db8:1:2::/64");
		assertThat(ClientAddress.key("[2001:db8:1:2::7]")).isEqualTo("2001:db8:1:2::/64");
		assertThat(ClientAddress.key("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
		assertThat(ClientAddress.key("2001:db8:1:3::1")).as("the next network").isEqualTo("2001:db8:1:3::/64");
	}

	@Test
	void whatIsNoAddressIsKeptAsItIsAndShort() {
		assertThat(ClientAddress.key(null)).isEqualTo("unknown");
		assertThat(ClientAddress.key(" ")).isEqualTo("unknown");
		assertThat(ClientAddress.key("gateway.example")).isEqualTo("gateway.example");
		assertThat(ClientAddress.key("x".repeat(100))).hasSize(64);
		assertThat(ClientAddress.key("zz:zz")).as("not hexadecimal, not looked up").isEqualTo("zz:zz");
	}

}

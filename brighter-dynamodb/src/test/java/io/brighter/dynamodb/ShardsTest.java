package io.brighter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.ConfigurationException;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardsTest {

  @Test
  void the_same_partition_key_always_lands_in_the_same_shard() {
    for (int i = 0; i < 200; i++) {
      String key = "customer-" + i;
      assertThat(Shards.of(key, 7)).isEqualTo(Shards.of(key, 7));
    }
  }

  @Test
  void shards_are_never_negative_and_below_the_count_and_keys_spread_over_all_of_them() {
    // given: keys whose digest starts with a set high bit exist among these
    Set<Integer> seen = new HashSet<>();

    // when
    IntStream.range(0, 1000).forEach(i -> seen.add(Shards.of("key-" + i, 20)));

    // then
    assertThat(seen).allSatisfy(shard -> assertThat(shard).isBetween(0, 19));
    assertThat(seen).hasSize(20);
  }

  @Test
  void a_message_without_a_partition_key_lands_in_a_random_shard() {
    Set<Integer> seen = new HashSet<>();
    IntStream.range(0, 500).forEach(i -> seen.add(Shards.of(null, 5)));
    assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    assertThat(Shards.of("", 5)).isBetween(0, 4);
  }

  @Test
  void one_shard_is_always_shard_0() {
    assertThat(Shards.of("anything", 1)).isZero();
    assertThat(Shards.of(null, 1)).isZero();
  }

  @Test
  void the_count_must_be_between_1_and_20() {
    assertThat(Shards.check(1)).isEqualTo(1);
    assertThat(Shards.check(20)).isEqualTo(20);
    assertThatThrownBy(() -> Shards.check(0)).isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> Shards.check(21)).isInstanceOf(ConfigurationException.class);
  }

  @Test
  void the_shard_is_the_first_four_digest_bytes_modulo_the_count() {
    // SHA-256("a") starts ca 97 81 12: 0xca978112 is negative as an int
    assertThat(Shards.of("a", 7)).isEqualTo(Math.floorMod(0xca978112, 7));
  }
}

package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Reading one submitted entry: numbers that are no objective's number, and long values repeated back. */
class SubmittedFormTest {

    @Test
    void aWholeNumberIsReadFromANumberOrFromDigits() {
        assertThat(SubmittedForm.ofItem(Map.of("position", 2)).integer("position", "Objective number")).isEqualTo(2);
        assertThat(SubmittedForm.ofItem(Map.of("position", 2.0)).integer("position", "Objective number")).isEqualTo(2);
        assertThat(SubmittedForm.ofItem(Map.of("position", " 2 ")).integer("position", "Objective number")).isEqualTo(2);
    }

    @Test
    void numbersTooBigForAnObjectiveAreRefusedNotClampedOrWrapped() {
        for (Object huge : new Object[] {1e300, Double.POSITIVE_INFINITY, new BigInteger("99999999999999999999"),
                4_294_967_298L}) {
            assertThatThrownBy(() -> SubmittedForm.ofItem(Map.of("position", huge)).integer("position", "Objective number"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Objective number must be a whole number, not the number");
        }
    }

    @Test
    void aLongValueIsNotRepeatedBackWhole() {
        String typed = "next Tuesday " + "x".repeat(5000);
        assertThatThrownBy(() -> SubmittedForm.ofItem(Map.of("observationDate", typed)).date("observationDate", "Date"))
                .hasMessage("Date must be a date like 2027-03-10, not 'next Tuesday xxxxxxxxxxxxxxxxxxxxxxxxxxx…'");
    }
}

package dev.aegis.vendor;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A person at the vendor to talk to; the e-mail address receives assessment invitations. */
@Embeddable
public record Contact(
        @NotBlank(message = "Name the contact.")
        @Size(max = 200, message = "A contact's name can be at most 200 characters.")
        String name,

        @Email(message = "Give a valid e-mail address.")
        @Size(max = 254, message = "An e-mail address can be at most 254 characters.")
        String email,

        @Size(max = 50, message = "A phone number can be at most 50 characters.")
        String phone,

        @Size(max = 200, message = "A contact's role can be at most 200 characters.")
        String role) {

    Contact normalised() {
        return new Contact(name.trim(), blank(email), blank(phone), blank(role));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package org.customerfacade.standin.customer;

import java.time.LocalDate;
import org.customerfacade.server.model.Customer;
import org.customerfacade.server.model.CustomerUpdate;
import org.customerfacade.server.model.LocationGroup;
import org.customerfacade.server.model.Phone;
import org.jspecify.annotations.Nullable;

/** The standard fields of a customer that a caller may write; generated fields are not here. */
public record CustomerDetails(
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String email,
    @Nullable PhoneNumber phone,
    @Nullable String address1,
    @Nullable String address2,
    @Nullable String city,
    @Nullable String county,
    @Nullable String postcode,
    @Nullable String company,
    @Nullable String country,
    @Nullable LocalDate dateOfBirth,
    @Nullable String gender,
    @Nullable String externalId,
    boolean allowEmail,
    boolean allowPhone,
    boolean allowPost,
    @Nullable LocationGroupReference preferredLocationGroup,
    @Nullable String preferredLanguage,
    @Nullable Boolean profilingAgreement) {

  /** A phone number as a country calling code and a national number. */
  public record PhoneNumber(@Nullable String countryCode, @Nullable String number) {

    static @Nullable PhoneNumber of(@Nullable Phone phone) {
      return phone == null ? null : new PhoneNumber(phone.getCountryCode(), phone.getNumber());
    }

    Phone toModel() {
      return new Phone().countryCode(countryCode).number(number);
    }
  }

  /** A location group by id and label. */
  public record LocationGroupReference(@Nullable Long id, @Nullable String label) {

    static @Nullable LocationGroupReference of(@Nullable LocationGroup group) {
      return group == null ? null : new LocationGroupReference(group.getId(), group.getLabel());
    }

    LocationGroup toModel() {
      return new LocationGroup().id(id).label(label);
    }
  }

  /** Copies the writable fields of a create request; absent consent flags become false. */
  public static CustomerDetails of(Customer customer) {
    return new CustomerDetails(
        customer.getFirstName(),
        customer.getLastName(),
        customer.getEmail(),
        PhoneNumber.of(customer.getPhone()),
        customer.getAddress1(),
        customer.getAddress2(),
        customer.getCity(),
        customer.getCounty(),
        customer.getPostcode(),
        customer.getCompany(),
        customer.getCountry(),
        customer.getDateOfBirth(),
        customer.getGender() == null ? null : customer.getGender().getValue(),
        customer.getExternalId(),
        Boolean.TRUE.equals(customer.getAllowEmail()),
        Boolean.TRUE.equals(customer.getAllowPhone()),
        Boolean.TRUE.equals(customer.getAllowPost()),
        LocationGroupReference.of(customer.getPreferredLocationGroup()),
        customer.getPreferredLanguage(),
        customer.getProfilingAgreement());
  }

  /** Returns these details with every field that the update carries (non-null) replaced. */
  public CustomerDetails merge(CustomerUpdate update) {
    return new CustomerDetails(
        pick(update.getFirstName(), firstName),
        pick(update.getLastName(), lastName),
        pick(update.getEmail(), email),
        pick(PhoneNumber.of(update.getPhone()), phone),
        pick(update.getAddress1(), address1),
        pick(update.getAddress2(), address2),
        pick(update.getCity(), city),
        pick(update.getCounty(), county),
        pick(update.getPostcode(), postcode),
        pick(update.getCompany(), company),
        pick(update.getCountry(), country),
        pick(update.getDateOfBirth(), dateOfBirth),
        update.getGender() == null ? gender : update.getGender().getValue(),
        pick(update.getExternalId(), externalId),
        pick(update.getAllowEmail(), allowEmail),
        pick(update.getAllowPhone(), allowPhone),
        pick(update.getAllowPost(), allowPost),
        pick(LocationGroupReference.of(update.getPreferredLocationGroup()), preferredLocationGroup),
        pick(update.getPreferredLanguage(), preferredLanguage),
        pick(update.getProfilingAgreement(), profilingAgreement));
  }

  /** Writes these fields into a response model. */
  public void writeTo(Customer customer) {
    customer
        .firstName(firstName)
        .lastName(lastName)
        .email(email)
        .phone(phone == null ? null : phone.toModel())
        .address1(address1)
        .address2(address2)
        .city(city)
        .county(county)
        .postcode(postcode)
        .company(company)
        .country(country)
        .dateOfBirth(dateOfBirth)
        .gender(gender == null ? null : Customer.GenderEnum.fromValue(gender))
        .externalId(externalId)
        .allowEmail(allowEmail)
        .allowPhone(allowPhone)
        .allowPost(allowPost)
        .preferredLocationGroup(
            preferredLocationGroup == null ? null : preferredLocationGroup.toModel())
        .preferredLanguage(preferredLanguage)
        .profilingAgreement(profilingAgreement);
  }

  private static <T> @Nullable T pick(@Nullable T changed, @Nullable T current) {
    return changed != null ? changed : current;
  }

  private static boolean pick(@Nullable Boolean changed, boolean current) {
    return changed != null ? changed : current;
  }
}

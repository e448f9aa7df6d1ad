using Xunit;
using Leerkluis.Web.Features.Registry;

namespace Leerkluis.Tests.Registry;

/// <summary>The elfproef for BSN and onderwijsnummer (see PersonalNumber).</summary>
public class PersonalNumberTests
{
    [Fact]
    public void A_bsn_that_passes_the_elfproef_is_valid()
    {
        var check = PersonalNumber.Check("111222333");
        Assert.True(check.IsValid);
        Assert.Equal(PersonalNumberKind.Bsn, check.Number!.Value.Kind);
    }

    [Fact]
    public void A_bsn_with_one_digit_changed_is_rejected()
    {
        var check = PersonalNumber.Check("111252333");
        Assert.False(check.IsValid);
        Assert.NotNull(check.Error);
    }

    [Fact]
    public void An_education_number_starts_with_10_and_has_remainder_5()
    {
        var check = PersonalNumber.Check("101222331");
        Assert.True(check.IsValid);
        Assert.Equal(PersonalNumberKind.EducationNumber, check.Number!.Value.Kind);
    }
}

using Leerkluis.Web.Features.Vault.AuditTrail;
using Leerkluis.Web.Platform.Audit;

namespace Leerkluis.Tests.Platform;

/// <summary>The typed audit events: stable codes (they are in the chain's hashes), numbered per area, each with a family label.</summary>
public sealed class AuditEventTests
{
    public static TheoryData<AuditEvent> Events => [.. Enum.GetValues<AuditEvent>()];

    [Theory]
    [MemberData(nameof(Events))]
    public void FamilyLabel_EveryEvent_HasDutchAndEnglishOrAReasonToHide(AuditEvent e)
    {
        Assert.True(TrailLabels.Events.TryGetValue(e, out var label), $"AuditEvent.{e} has no family label in TrailLabels.Events.");
        if (label.HiddenBecause is { } reason) Assert.False(string.IsNullOrWhiteSpace(reason), $"AuditEvent.{e} is hidden without a reason.");
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(label.Nl), $"AuditEvent.{e} has no Dutch label.");
            // English comes from TrailLabels.en.resx, keyed by the Dutch label (the one localization mechanism).
            var before = System.Globalization.CultureInfo.CurrentUICulture;
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en-GB");
            try
            {
                Assert.False(label.Text() == label.Nl, $"AuditEvent.{e}: no English for '{label.Nl}' in TrailLabels.en.resx.");
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentUICulture = before;
            }
        }
    }

    [Fact]
    public void Code_EveryEvent_UniqueAndReadsBackAsTheSameEvent()
    {
        var all = Enum.GetValues<AuditEvent>();
        Assert.Equal(all.Length, all.Select(e => e.Code()).Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, e => Assert.Equal(e, AuditEvents.Parse(e.Code())));
        Assert.All(all, e => Assert.True(e.Code().Length <= 80, $"{e}: longer than the Action column"));
        Assert.Null(AuditEvents.Parse("no-such-event"));
        Assert.Null(AuditEvents.Parse(null));
    }

    [Fact]
    public void Code_EventsOfChainsWrittenBeforeTheEnum_KeepTheirStrings()
    {
        // Entries written as free strings must read back as the same events, and new entries must store what they did.
        Assert.Equal("learner-card", AuditEvent.Registry_LearnerCard.Code());
        Assert.Equal("register", AuditEvent.Registry_Registered.Code());
        Assert.Equal("enrol", AuditEvent.Registry_Enrolled.Code());
        Assert.Equal("roll-call-view", AuditEvent.Attendance_RollCallView.Code());
        Assert.Equal("absence-report-created", AuditEvent.Attendance_ReportCreated.Code());
        Assert.Equal("audit-trail", AuditEvent.Vault_AuditTrail.Code());
        Assert.Equal("export", AuditEvent.Rights_Export.Code());
        Assert.Equal("leerplicht-case-opened", AuditEvent.Leerplicht_CaseOpened.Code());
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Number_EveryEvent_InTheBlockOfItsArea(AuditEvent e)
    {
        var area = e.ToString()[..e.ToString().IndexOf('_')];
        var (from, to) = area switch
        {
            "Registry" => (1000, 1099),
            "Edexml" => (1100, 1199),
            "Consent" or "Vault" => (1200, 1299),
            "Medical" => (1300, 1399),
            "Rights" => (1400, 1499),
            "Retention" => (1500, 1599),
            "Attendance" => (2000, 2199),
            "Leerplicht" => (2200, 2299),
            "Careers" => (3000, 3199),
            "Accounts" => (4000, 4099),
            "System" => (9000, 9099),
            _ => (0, -1),
        };
        Assert.InRange((int)e, from, to);
    }

    [Fact]
    public void AuditEvent_Kernel_ReferencesNoFeature()
    {
        var attributes = typeof(AuditEvent).GetFields().SelectMany(f => f.CustomAttributes).Select(a => a.AttributeType);
        Assert.All(attributes, t => Assert.StartsWith("Leerkluis.Web.Platform.", t.FullName, StringComparison.Ordinal));
    }
}

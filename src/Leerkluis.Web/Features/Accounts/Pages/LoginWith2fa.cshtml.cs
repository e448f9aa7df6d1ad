using Leerkluis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Leerkluis.Web.Features.Accounts.Pages;

/// <summary>Second step: the 6-digit code from the authenticator app. Identity adds amr=mfa, which staff pages require.</summary>
[AllowAnonymous]
[EnableRateLimiting("login")]
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IStringLocalizer<AccountText> text)
    : SecondStepPageModel(signIn, users, text)
{
    [BindProperty] public string? Code { get; set; }

    protected override string CodeField => nameof(Code);
    protected override string TypedCode() => AccountRules.NormalizeCode(Code);
    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(string code) => SignInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
    protected override string EmptyMessage => "Vul de code uit uw authenticator-app in.";
    protected override string WrongMessage => "Deze code klopt niet. Gebruik de code die nu in uw app staat.";
}

global using MedMassage.Identity.Api.Apis;
